import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { DesignationReview } from '../designations/designation-review.entity';
import { ImpactRating } from './deployment-enums';
import { Deployment } from './deployment.entity';

@InputType({ description: 'The arguments of evaluateDeployment.' })
export class EvaluateDeploymentInput {
  @Field(() => ID, { description: "The deployment's global ID." })
  deploymentId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => ImpactRating, { description: "The supported head's rating of its impact." })
  rating: ImpactRating;

  @Field({ description: 'What the rating rests on. Required.' })
  evidence: string;

  @Field(() => LocalDate, { nullable: true, description: 'When the evaluation was given: default today, never in the future nor before the deployment completed.' })
  evaluatedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who gave an evaluation on paper, which the coordinator records: required of the coordinator, refused from the head (who evaluates as themself).",
  })
  evaluatorName?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "The supported school's evaluation of a deployment's impact." })
export class DeploymentEvaluation {
  @Field(() => ImpactRating, { description: "The supported head's rating." })
  rating: ImpactRating;

  @Field({ description: 'The evidence for the rating.' })
  evidence: string;

  @Field(() => LocalDate, { description: 'When it was evaluated.' })
  evaluatedOn: string;

  @Field({ description: 'The head who evaluated, or the evaluator named on a paper evaluation.' })
  evaluatedByName: string;

  @Field({ description: 'An evaluation given on paper that the coordinator recorded, not one the head gave here.' })
  recordedByCoordinator: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What evaluateDeployment returns.' })
export class EvaluateDeploymentPayload {
  @Field(() => Deployment, { description: 'The deployment, as it stands after the change.' })
  deployment: Deployment;

  @Field(() => DesignationReview, {
    nullable: true,
    description: "The review a NONE rating opened (NO_IMPACT_EVIDENCE), if it opened one and you may see it (the coordinator, not the supported head): none is opened twice.",
  })
  review: DesignationReview | null;
}
