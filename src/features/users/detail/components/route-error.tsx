import { Link, useRouteError } from 'react-router';
import { toAppError } from '@/aws/errors';
import { userPaths } from '../paths';

/** Route error boundary: an unexpected failure in the user page or the create form. */
export function RouteError() {
  const error = toAppError(useRouteError());
  return (
    <section role="alert" className="state state--error">
      <h1>Something went wrong</h1>
      <p>{error.message}</p>
      <p>
        <Link to={userPaths.list()}>Back to all users</Link>
      </p>
    </section>
  );
}
