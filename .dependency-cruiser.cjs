/**
 * Which folder may import which (docs/decisions/0009-folder-layout.md). Folders depend one way,
 * lowest first:
 *
 *   i18n → shared → mail → db → cluster → catalog → ranking → votes → accounts → importers → editing → moderation
 *     → config.ts → http → web → api → app.ts, server.ts, cli.ts, cli-help.ts, services.ts
 *
 * A folder may import its own files and anything to its left, never anything to its right.
 *
 * Inside web/, each area (site, account, admin, embeds) imports web/ui and the layers below, never
 * another area, and ui imports no area; the one exception is the site's pages naming their share
 * images and embeds (embeds/share-image/share-meta.ts).
 * `npm run lint:deps` checks every file in src/; CI runs it through `npm run lint`.
 */

/** The layers, lowest first; each entry is a path pattern relative to the repository. */
const LAYERS = [
  ['i18n', '^src/i18n/'],
  ['shared', '^src/shared/'],
  ['mail', '^src/mail/'],
  ['db', '^src/db/'],
  ['cluster', '^src/cluster/'],
  ['catalog', '^src/catalog/'],
  ['ranking', '^src/ranking/'],
  ['votes', '^src/votes/'],
  ['accounts', '^src/accounts/'],
  ['importers', '^src/importers/'],
  ['editing', '^src/editing/'],
  ['moderation', '^src/moderation/'],
  ['config', '^src/config\\.ts$'],
  ['http', '^src/http/'],
  ['web', '^src/web/'],
  ['api', '^src/api/'],
];

/** A rule the check fails on: a module matching `from` imports one matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** The areas of src/web, each a folder with one entry file (docs/code-map.md). */
const AREAS = ['site', 'account', 'admin', 'embeds'];
/** What an area may use of another: the site's show and season pages carry their share images' tags. */
const BETWEEN_AREAS = { site: ['^src/web/embeds/share-image/share-meta\\.ts$'] };

const areaRules = [
  forbid(
    'ui-serves-every-area',
    'web/ui holds what every area shares (layout, components, charts, formatting): it imports no area.',
    { path: '^src/web/ui/' },
    { path: `^src/web/(${AREAS.join('|')})/` },
  ),
  ...AREAS.map((area) =>
    forbid(
      `${area}-area-stands-alone`,
      `web/${area} imports web/ui and the layers below, not another area: what two areas share belongs in web/ui.`,
      { path: `^src/web/${area}/` },
      { path: `^src/web/(${AREAS.filter((other) => other !== area).join('|')})/`, pathNot: BETWEEN_AREAS[area] ?? [] },
    ),
  ),
];

/** One rule per layer: nothing in it imports a layer above it (or the composition root). */
const layerRules = LAYERS.map(([name, path], index) =>
  forbid(
    `${name}-imports-only-below`,
    `${name} may import only ${LAYERS.slice(0, index).map(([n]) => n).join(', ') || 'nothing else of ours'} ` +
      'and itself: folders depend one way (docs/decisions/0009-folder-layout.md).',
    { path },
    { path: '^src/', pathNot: [path, ...LAYERS.slice(0, index).map(([, below]) => below)] },
  ),
);

module.exports = {
  forbidden: [
    ...layerRules,
    ...areaRules,
    forbid(
      'no-circular',
      'Modules that import each other, directly or through others, cannot be read or tested apart.',
      { path: '^src/' },
      { circular: true },
    ),
    forbid(
      'domains-free-of-http',
      'Domain folders hold rules and SQL, not request and reply plumbing: Fastify belongs to http/, web/ and api/.',
      { path: '^src/(shared|mail|db|cluster|catalog|ranking|votes|accounts|importers|editing|moderation)/' },
      { path: '^node_modules/(fastify|@fastify)/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'repositories-do-not-import-services',
      'Services call repositories, never the other way round.',
      { path: '\\.repository\\.ts$' },
      { path: '\\.service\\.ts$' },
    ),
    forbid(
      'routes-get-services-only',
      'Routes and pages reach the database through services (app.services), never a repository; a page may name a row shape a repository returns (import type).',
      { path: '^src/(web|api)/' },
      { path: '\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'routes-never-get-the-database-handle',
      'Only app.ts holds the database handle (to close it) and hands it to the health check and metrics in http/.',
      { path: '^src/(web|api)/' },
      { path: '^src/db/database\\.ts$' },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
  },
};
