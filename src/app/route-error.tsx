import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { toAppError } from '@/aws/errors';

/**
 * A route's error boundary: the failure in words, and ways on, without taking the header and
 * navigation with it (feature routes render this inside the signed-in layout).
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundContent />;
  }
  const appError = toAppError(error);
  const chunkFailed = /dynamically imported module|importing a module script failed|failed to fetch dynamically/i.test(appError.detail ?? appError.message);
  return (
    <section className="page" aria-labelledby="route-error-title">
      <div role="alert" className="state state--error">
        <h1 id="route-error-title" className="state__title">
          {chunkFailed ? 'This screen could not be loaded' : 'Something went wrong on this screen'}
        </h1>
        <p>{chunkFailed ? 'Part of the dashboard failed to download, perhaps because a new version was deployed or the network dropped.' : appError.message}</p>
        <div className="state__action">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>{' '}
          <Link className="button" to="/">
            Go to the overview
          </Link>
        </div>
      </div>
    </section>
  );
}

export function NotFoundContent() {
  return (
    <section className="page" aria-labelledby="not-found-title">
      <div className="state">
        <h1 id="not-found-title" className="state__title">
          Page not found
        </h1>
        <p>There is no screen at this address. It may have moved, or the link may be mistyped.</p>
        <div className="state__action">
          <Link className="button button--primary" to="/">
            Go to the overview
          </Link>
        </div>
      </div>
    </section>
  );
}

export function NotFoundPage() {
  return <NotFoundContent />;
}
