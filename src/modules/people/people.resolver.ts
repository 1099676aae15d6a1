import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { School } from '../schools/school.entity';
import { CreatePersonInput, CreatePersonPayload, PersonFilter, PersonOrder, UpdatePersonInput, UpdatePersonPayload } from './people.inputs';
import { createPerson, listPeople, updatePerson } from './people.service';
import { Person } from './person.entity';
import { PersonWhere } from '../../common/where/lists';
import { orderByDescription } from '../../common/order-direction';

export const PersonConnection = ConnectionType(Person);

@Resolver(() => Person)
export class PeopleResolver {
  @Query(() => PersonConnection, { description: "Staff records of the acting alliance that you may see. Not for analysts: they see people only as aggregates." })
  people(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Which staff records; all you may see unless asked.' }) filter?: PersonFilter | null,
    @Arg('orderBy', () => [PersonOrder], { nullable: true, description: orderByDescription('by family then given name, A first') }) orderBy?: PersonOrder[] | null,
    @Arg('where', () => PersonWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
  ) {
    return listPeople(ctx, filter, orderBy, page, where);
  }

  @Mutation(() => CreatePersonPayload, { description: "Adds a staff record to one of the acting alliance's schools." })
  async createPerson(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePersonInput, { description: 'What to do, and to what.' }) input: CreatePersonInput): Promise<CreatePersonPayload> {
    return { person: await createPerson(ctx, input) };
  }

  @Mutation(() => UpdatePersonPayload, { description: 'Changes a staff record.' })
  async updatePerson(@Ctx() ctx: RequestContext, @Arg('input', () => UpdatePersonInput, { description: 'What to do, and to what.' }) input: UpdatePersonInput): Promise<UpdatePersonPayload> {
    return { person: await updatePerson(ctx, input) };
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school they work at.' })
  school(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return person.schoolId ? ctx.loaders.schoolById.load(person.schoolId) : null;
  }

  // Contact details are resolvers, not plain fields, so that their redaction rule is attached (SECURITY.md S6).
  @FieldResolver(() => String, { nullable: true, description: "Null unless you coordinate the alliance, lead the person's school, or are the person." })
  email(@Root() person: Person) {
    return person.email;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null under the same rule as email.' })
  phone(@Root() person: Person) {
    return person.phone;
  }
}
