import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from './context';

/**
 * Ends each request's transaction once its response is ready. A mutation's is committed before the
 * answer is sent, so a client never sees a change reported that was not committed; if the commit
 * could not happen (a failed statement aborted the transaction, or COMMIT itself failed), the answer
 * becomes an error saying that nothing was saved. A query wrote nothing: its answer leaves without
 * waiting for the COMMIT's round trip, and the connection returns to the pool once it is done.
 */
export const endRequestPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operation }) {
        if (operation?.operation !== 'mutation') {
          void contextValue.end(true);
          return;
        }
        if (await contextValue.end(true)) return;
        contextValue.log.error({ operation: operation.name?.value }, 'request transaction rolled back: nothing was saved');
        if (response.body.kind === 'single') {
          response.body.singleResult = { data: null, errors: [{ message: 'Internal server error: nothing was saved', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
        }
      },
    };
  },
};
