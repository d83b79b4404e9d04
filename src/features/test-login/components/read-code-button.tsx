import { useState } from 'react';
import type { OutboxMessage } from '../api/emulator-outbox';

/** "Read the code from the emulator's outbox": fills the code field; says plainly when there is none. */
export function ReadCodeButton({ readCode, onCode, disabled }: { readCode: () => Promise<OutboxMessage | undefined>; onCode: (code: string) => void; disabled?: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const read = async () => {
    setPending(true);
    try {
      const found = await readCode();
      if (found?.code) {
        onCode(found.code);
        setMessage(`Read from the emulator's outbox: “${found.subject}” to ${found.to}, sent ${new Date(found.sentAt).toLocaleTimeString()}.`);
      } else {
        setMessage('The emulator\'s outbox has no message with a code for this address yet.');
      }
    } catch (error) {
      setMessage(`Could not read the emulator's outbox: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={disabled || pending} onClick={() => void read()}>
        {pending ? 'Reading the outbox…' : 'Read the code from the emulator\'s outbox'}
      </button>
      {message ? (
        <p className="tl-muted tl-full" role="status">
          {message}
        </p>
      ) : null}
    </>
  );
}
