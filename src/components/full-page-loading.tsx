import { Loading } from './loading';

/** Start-up and area-switch waits: the page says what it is doing, never shows a blank screen. */
export function FullPageLoading({ label }: { label: string }) {
  return (
    <main className="boot" id="main">
      <Loading label={label} />
    </main>
  );
}
