import { TaskList } from 'graphile-worker';
import { englishDate } from '../common/academic-year';
import { Logger } from '../common/logger';
import { runReviewSweep } from '../modules/designations/review-sweep';

export const REVIEW_SWEEP = 'review_sweep';

/**
 * The queue's tasks. They run on the worker's own connections, which are the owner's: a sweep works
 * across every alliance, which the request role cannot see.
 */
export function taskList(logger: Logger): TaskList {
  return {
    async [REVIEW_SWEEP](_payload, helpers) {
      // The day it runs, not the day it was scheduled: a late run opens what has come due since.
      const today = englishDate();
      const { opened } = await helpers.withPgClient((client) => runReviewSweep(client, today));
      logger.info({ task: REVIEW_SWEEP, jobId: helpers.job.id, today, opened }, `review sweep: ${opened} review(s) opened`);
    },
  };
}
