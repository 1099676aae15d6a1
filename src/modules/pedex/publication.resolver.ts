import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { PublishResearchProjectInput, PublishResearchProjectPayload } from './publication.inputs';
import { publishResearchProject } from './publication.service';

@Resolver()
export class PublicationResolver {
  @Mutation(() => PublishResearchProjectPayload, {
    description: 'ACCEPTED → PUBLISHED in PedEx, behind the publication gate (every missing item named in extensions.unmetRules); the coordinator\'s. Makes the project public and gives it its slug.',
  })
  async publishResearchProject(@Ctx() ctx: RequestContext, @Arg('input', () => PublishResearchProjectInput, { description: 'What to do, and to what.' }) input: PublishResearchProjectInput) {
    return { researchProject: await publishResearchProject(ctx, input) };
  }
}
