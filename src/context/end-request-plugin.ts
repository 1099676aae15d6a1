import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from './context';

/**
 * Ends each request's transaction once its response is ready and before it is sent, so a client
 * never sees a change reported that was not committed. If the commit could not happen (a failed
 * statement aborted the transaction, or COMMIT itself failed), a mutation's answer becomes an error
 * saying that nothing was saved.
 */
export const endRequestPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operation }) {
        const committed = await contextValue.end(true);
        if (committed || operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
        contextValue.log.error({ operation: operation.name?.value }, 'request transaction rolled back: nothing was saved');
        response.body.singleResult = { data: null, errors: [{ message: 'Internal server error: nothing was saved', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
      },
    };
  },
};
