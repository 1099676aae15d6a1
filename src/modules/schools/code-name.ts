import { Field, ObjectType } from 'type-graphql';

/**
 * A GIAS coded value. GIAS names such as "Open, but proposed to close" cannot be GraphQL enum
 * values, and new codes appear without notice, so the register's vocabularies travel as pairs.
 */
@ObjectType({ simpleResolvers: true, description: 'A coded value from the DfE register: its code and its name.' })
export class CodeName {
  @Field({ description: "The register's code." })
  code: string;

  @Field(() => String, { nullable: true, description: "The value's name; null when the register gives a code without one." })
  name: string | null;
}

export function codeName(code: string | null, name: string | null): CodeName | null {
  return code === null ? null : { code, name };
}
