import { DocumentNode, GraphQLSchema, isAbstractType, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/** The fields a document selects, by GraphQL object type (fields asked of an interface count for each of its types). */
export type Selection = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * What a loader reads for a GraphQL type: every field the document selects anywhere on that type.
 * Computed once per document (the compiled executor caches it with the compiled document). A
 * superset of what any one path needs, so one column set serves every load of a type in a request.
 */
export function selectionOf(schema: GraphQLSchema, document: DocumentNode): Selection {
  const selection = new Map<string, Set<string>>();
  const add = (type: string, field: string) => {
    let fields = selection.get(type);
    if (!fields) selection.set(type, (fields = new Set()));
    fields.add(field);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const field = node.name.value;
        if (isAbstractType(parent)) for (const type of schema.getPossibleTypes(parent)) add(type.name, field);
        else add(parent.name, field);
      },
    }),
  );
  return selection;
}

/**
 * The columns (entity property names) a GraphQL field of an entity's type needs, where they are not
 * simply the column of the same name: getters, field resolvers, fields computed from other columns.
 * An empty list: the field needs no column of its own (a relation read through a loader by id).
 */
export type FieldColumns = Record<string, readonly string[]>;

export interface EntityColumns {
  fields: FieldColumns;
  /** Columns every row of the type carries whatever the selection: what rules and policies read. */
  always?: readonly string[];
}

const registry = new Map<string, EntityColumns>();

/** Declares, for an entity's GraphQL type, the fields that are not plain columns (next to its loaders). */
export function declareFieldColumns(entity: { name: string }, columns: EntityColumns): void {
  registry.set(entity.name, columns);
}

export function fieldColumnsOf(entityName: string): EntityColumns | undefined {
  return registry.get(entityName);
}

/** Every declared type: for the test that checks each GraphQL field of a loaded type maps to columns. */
export function declaredEntities(): string[] {
  return [...registry.keys()];
}
