import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './global-id';

/**
 * Relay's Node. Entities extend it, so the GraphQL `id` is always the opaque global id and never
 * the row's uuid. The class name is the GraphQL type name, which `node(id)` routes on.
 */
@InterfaceType('Node', { description: 'An object with a globally unique, opaque id.' })
export abstract class Node {
  abstract id: string;

  // A field resolver (not simple): the GraphQL name differs from the property it reads.
  @Field(() => ID, { name: 'id', simple: false, description: 'Opaque global id; pass it to node(id).' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
