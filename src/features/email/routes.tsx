import type { RouteObject } from 'react-router';
import { EmailLayout } from './components/email-layout';
import { OutboxPage } from './components/outbox-page';
import { EmailPage } from './email-page';
import './email.css';

/** '/email' (delivery, quota, health, lookup, backlog) and '/email/outbox' (emulator only). */
export const routes: RouteObject[] = [
  {
    path: 'email',
    element: <EmailLayout />,
    children: [
      { index: true, element: <EmailPage />, handle: { title: 'Email & codes' } },
      { path: 'outbox', element: <OutboxPage />, handle: { title: 'Emulator outbox' } },
    ],
  },
];
