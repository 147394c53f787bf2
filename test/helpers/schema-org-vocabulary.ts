/**
 * The whole schema.org vocabulary in the shape the structured-data validator reads (the release
 * file's `@graph` of `rdfs:Class` and `rdf:Property` nodes), rebuilt from schema-dts: Google's
 * TypeScript typings, generated from the current official release and published on npm. No npm
 * package ships a current release file (in 2026-11 `schemaorg-jsonld` held a 2017 snapshot,
 * `schema.org` an old vocabulary in its own shape, and `schema-org` fetches at run time), and the
 * tests cannot fetch schema.org, so the typings are the official vocabulary within reach.
 *
 * How the typings say it: each class `X` has a leaf whose `"@type"` is the class's name; the
 * properties whose domain includes `X` are the members of `XBase`; and `type X = XLeaf | A | B`
 * names its direct subclasses. The validator needs nothing more (parents and domains).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

interface VocabularyNode {
  '@id': string;
  '@type': 'rdfs:Class' | 'rdf:Property';
  'rdfs:subClassOf'?: Array<{ '@id': string }>;
  'schema:domainIncludes'?: Array<{ '@id': string }>;
}

const literalName = (name: ts.PropertyName): string | undefined => (ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : undefined);

/** The schema.org vocabulary as a JSON-LD graph, read from schema-dts's declarations. */
export function schemaOrgVocabulary(): { '@graph': VocabularyNode[] } {
  const file = createRequire(import.meta.url).resolve('schema-dts/dist/schema.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

  const classOfLeaf = new Map<string, string>(); // "_3DModel" → "3DModel"
  const membersOfBase = new Map<string, string[]>(); // "_3DModel" → its own properties
  const subclassesOf = new Map<string, string[]>(); // "Thing" → ["Action", "CreativeWork", …]
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const name = statement.name.text;
      if (name.endsWith('Leaf')) {
        for (const member of statement.members) {
          if (ts.isPropertySignature(member) && literalName(member.name) === '@type' && member.type && ts.isLiteralTypeNode(member.type)) {
            if (ts.isStringLiteral(member.type.literal)) classOfLeaf.set(name.slice(0, -'Leaf'.length), member.type.literal.text);
          }
        }
      } else if (name.endsWith('Base')) {
        const own = statement.members.filter(ts.isPropertySignature).map((m) => literalName(m.name));
        membersOfBase.set(
          name.slice(0, -'Base'.length),
          own.filter((p): p is string => p !== undefined && !p.startsWith('@')),
        );
      }
    } else if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
      const name = statement.name.text;
      const members = statement.type.types.map((t) => (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) ? t.typeName.text : ''));
      // Only a class's own union starts with its leaf; data types (Number, Boolean) do not.
      if (members[0] === `${name}Leaf`) subclassesOf.set(name, members.slice(1));
    }
  }

  const parents = new Map<string, string[]>();
  for (const [parent, children] of subclassesOf) {
    for (const child of children) {
      const childClass = classOfLeaf.get(child);
      const parentClass = classOfLeaf.get(parent);
      if (childClass && parentClass) parents.set(childClass, [...(parents.get(childClass) ?? []), parentClass]);
    }
  }
  const domains = new Map<string, string[]>();
  for (const [typeName, properties] of membersOfBase) {
    const owner = classOfLeaf.get(typeName);
    if (!owner) continue;
    for (const property of properties) domains.set(property, [...(domains.get(property) ?? []), owner]);
  }

  const id = (name: string) => ({ '@id': `schema:${name}` });
  return {
    '@graph': [
      ...[...classOfLeaf.values()].map((name): VocabularyNode => {
        const above = parents.get(name);
        return { ...id(name), '@type': 'rdfs:Class', ...(above ? { 'rdfs:subClassOf': above.map(id) } : {}) };
      }),
      ...[...domains].map(([name, owners]): VocabularyNode => ({ ...id(name), '@type': 'rdf:Property', 'schema:domainIncludes': owners.map(id) })),
    ],
  };
}
