import { NavLink, Outlet } from 'react-router';
import { Badge } from '@/components/badge';
import { PageHeader } from '@/components/page-header';
import { useEmulatorBase } from '../api/email-queries';

/** The screen's frame: the header, and tabs as links (the Outbox tab exists only on the emulator). */
export function EmailLayout() {
  const { base } = useEmulatorBase();
  return (
    <section className="page email-page">
      <PageHeader
        title="Email & codes"
        description="Why a code did not arrive, how the pool sends it, and how much sending is left."
      />
      {base ? (
        <nav aria-label="Email sections" className="email-tabs">
          <ul>
            <li>
              <NavLink to="/email" end>
                Delivery
              </NavLink>
            </li>
            <li>
              <NavLink to="/email/outbox">
                Outbox <Badge tone="accent">emulator</Badge>
              </NavLink>
            </li>
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </section>
  );
}
