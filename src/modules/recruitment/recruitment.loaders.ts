import { byId, manyBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { RecruitmentRoundTarget } from './recruitment-round-target.entity';
import { RecruitmentRound } from './recruitment-round.entity';
import { roundProgressLoader } from './round-progress';

export const recruitmentLoaders = {
  recruitmentRoundById: byId(RecruitmentRound),
  targetsByRound: manyBy(RecruitmentRoundTarget, 'roundId', { orderBy: 'e.target DESC' }),
  roundProgress: roundProgressLoader,
};

declareFieldColumns(RecruitmentRound, { fields: { areas: [], progress: ['overallTarget'], open: ['applicationDeadline'] } });
