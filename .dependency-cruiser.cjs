/**
 * Which folder may import which (docs/decisions/0009-folder-layout.md). Folders depend one way,
 * lowest first:
 *
 *   shared → mail → db → cluster → catalog → ranking → votes → accounts → importers → editing → moderation
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

/** The areas of src/web, each a folder with one entry file (docs/code-map.md). */
const AREAS = ['site', 'account', 'admin', 'embeds'];
/** What an area may use of another: the site's show and season pages carry their share images' tags. */
const BETWEEN_AREAS = { site: ['^src/web/embeds/share-image/share-meta\\.ts$'] };

const areaRules = [
  {
    name: 'ui-serves-every-area',
    comment: 'web/ui holds what every area shares (layout, components, charts, formatting): it imports no area.',
    severity: 'error',
    from: { path: '^src/web/ui/' },
    to: { path: `^src/web/(${AREAS.join('|')})/` },
  },
  ...AREAS.map((area) => ({
    name: `${area}-area-stands-alone`,
    comment: `web/${area} imports web/ui and the layers below, not another area: what two areas share belongs in web/ui.`,
    severity: 'error',
    from: { path: `^src/web/${area}/` },
    to: { path: `^src/web/(${AREAS.filter((other) => other !== area).join('|')})/`, pathNot: BETWEEN_AREAS[area] ?? [] },
  })),
];

/** One rule per layer: nothing in it imports a layer above it (or the composition root). */
const layerRules = LAYERS.map(([name, path], index) => ({
  name: `${name}-imports-only-below`,
  comment:
    `${name} may import only ${LAYERS.slice(0, index).map(([n]) => n).join(', ') || 'nothing else of ours'} ` +
    'and itself: folders depend one way (docs/decisions/0009-folder-layout.md).',
  severity: 'error',
  from: { path },
  to: {
    path: '^src/',
    pathNot: [path, ...LAYERS.slice(0, index).map(([, below]) => below)],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    ...areaRules,
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or through others, cannot be read or tested apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domains-free-of-http',
      comment:
        'Domain folders hold rules and SQL, not request and reply plumbing: Fastify belongs to http/, web/ and api/.',
      severity: 'error',
      from: { path: '^src/(shared|mail|db|cluster|catalog|ranking|votes|accounts|importers|editing|moderation)/' },
      to: { path: '^node_modules/(fastify|@fastify)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repositories-do-not-import-services',
      comment: 'Services call repositories, never the other way round.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.service\\.ts$' },
    },
    {
      name: 'routes-get-services-only',
      comment:
        'Routes and pages reach the database through services (app.services), never a repository; a page may name a row shape a repository returns (import type).',
      severity: 'error',
      from: { path: '^src/(web|api)/' },
      to: { path: '\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-never-get-the-database-handle',
      comment:
        'Only app.ts holds the database handle (to close it) and hands it to the health check and metrics in http/.',
      severity: 'error',
      from: { path: '^src/(web|api)/' },
      to: { path: '^src/db/database\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
  },
};
