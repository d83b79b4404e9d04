import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import '../user-detail.css';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError } from '@/aws/errors';
import { Loading } from '@/components/loading';
import { forgetDeletion, useDeletedUser } from '../../api/deleted-users';
import { useUserDetail } from '../api/get-user';
import { AttributesTab } from '../attributes/attributes-tab';
import { GroupsTab } from '../groups/groups-tab';
import { noticeFrom, userPaths } from '../paths';
import { SecurityTab } from '../security/security-tab';
import { ActionStatusProvider, ActionStatusRegion } from '../status/action-status';
import { HistoryTab } from './history-tab';
import { LoadError } from './load-error';
import { UserHeader } from './user-header';
import { UserNotFound } from './user-not-found';
import { UserTabs } from './user-tabs';

/** /users/:username/* — the header, the actions and one tab per child route. */
export function UserPage() {
  const { username = '' } = useParams();
  const location = useLocation();
  // Keyed by username: another user's page starts with a clean status region.
  return (
    <ActionStatusProvider key={username} initial={noticeFrom(location.state)}>
      <UserPageContent username={username} />
    </ActionStatusProvider>
  );
}

function UserPageContent({ username }: { username: string }) {
  const { userPoolId } = useAdminContext();
  const queryClient = useQueryClient();
  const query = useUserDetail(username);
  const deleted = useDeletedUser(userPoolId, username);
  // What the cache holds from before the delete is not this user any more: ask Cognito again.
  const fresh = query.isSuccess && deleted !== undefined && query.dataUpdatedAt > deleted.at;
  const { refetch } = query;
  // Only a page opened after the delete (Back, a link) asks again; the page that just deleted the
  // user is on its way to the list and would only spend a call on a certain "not found".
  const [openedAt] = useState(() => Date.now());
  const deletedBeforeOpening = deleted !== undefined && deleted.at < openedAt;
  useEffect(() => {
    if (deletedBeforeOpening && !fresh) void refetch();
  }, [deletedBeforeOpening, fresh, refetch]);
  useEffect(() => {
    // Re-created since (the same name answers again): the deletion is history.
    if (fresh && query.data) forgetDeletion(queryClient, userPoolId, query.data, username);
  }, [fresh, query.data, queryClient, userPoolId, username]);

  if (deleted && !fresh && (!query.isError || toAppError(query.error).code === 'UserNotFoundException')) {
    return <UserNotFound username={username} deleted={deleted} />;
  }
  if (query.isPending) {
    return <Loading label={`Loading ${username}…`} />;
  }
  if (query.isError) {
    const error = toAppError(query.error);
    if (error.code === 'UserNotFoundException') return <UserNotFound username={username} />;
    // A name no user can have (too long, spaces, markup from a mangled link): said in words.
    if (error.code === 'InvalidParameterException' && /at 'username'/.test(error.detail ?? '')) return <UserNotFound username={username} reason={error.message} />;
    return (
      <section aria-labelledby="user-page-title">
        <h1 id="user-page-title">{username}</h1>
        <LoadError what="this user" error={error} onRetry={() => void query.refetch()} />
      </section>
    );
  }
  const user = query.data;
  return (
    <article aria-labelledby="user-page-title" className="user-page">
      <UserHeader user={user} />
      <ActionStatusRegion />
      {/* Tabs link with the name the URL used (an email in email-sign-in pools), so the current one is marked. */}
      <UserTabs username={username} />
      {/* Redirects are absolute: relative to a splat they resolve under the bad segment and loop. */}
      <Routes>
        <Route index element={<Navigate to={userPaths.user(username)} replace />} />
        <Route path="attributes" element={<AttributesTab user={user} />} />
        <Route path="groups" element={<GroupsTab user={user} />} />
        <Route path="security" element={<SecurityTab user={user} />} />
        <Route path="history" element={<HistoryTab user={user} />} />
        <Route path="*" element={<Navigate to={userPaths.user(username)} replace />} />
      </Routes>
    </article>
  );
}
