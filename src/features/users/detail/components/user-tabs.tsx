import { NavLink } from 'react-router';
import { userPaths, userTabs } from '../paths';

/** Tabs as links (keycloak's RoutableTabs): each tab is a URL, so reload and pasted links keep it. */
export function UserTabs({ username }: { username: string }) {
  return (
    <nav aria-label="User sections" className="user-tabs">
      <ul>
        {userTabs.map((tab) => (
          <li key={tab.id}>
            <NavLink to={userPaths.user(username, tab.id)}>{tab.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
