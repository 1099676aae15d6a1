import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { Deployment } from './deployment.entity';
import { DeploymentEvaluation, EvaluateDeploymentInput, EvaluateDeploymentPayload } from './evaluation.inputs';
import { evaluateDeployment } from './evaluation.service';

@Resolver(() => Deployment)
export class DeploymentEvaluationResolver {
  @Mutation(() => EvaluateDeploymentPayload, {
    description:
      "The supported school's head rates a completed deployment's impact, with evidence; or the coordinator records an evaluation given on paper, naming who gave it. " +
      'COMPLETED → EVALUATED. A NONE rating opens a review of the designation (NO_IMPACT_EVIDENCE), unless one is open.',
  })
  evaluateDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => EvaluateDeploymentInput, { description: 'What to do, and to what.' }) input: EvaluateDeploymentInput) {
    return evaluateDeployment(ctx, input);
  }

  @FieldResolver(() => DeploymentEvaluation, { nullable: true, description: 'The impact evaluation: null until the deployment is evaluated.' })
  evaluation(@Root() deployment: Deployment): DeploymentEvaluation | null {
    if (!deployment.impactRating || !deployment.evaluatedOn) return null;
    return {
      rating: deployment.impactRating, evidence: deployment.impactEvidence ?? '', evaluatedOn: deployment.evaluatedOn, evaluatedByName: deployment.evaluatedByName ?? '',
      recordedByCoordinator: deployment.evaluationRecordedByCoordinator ?? false,
    };
  }
}
