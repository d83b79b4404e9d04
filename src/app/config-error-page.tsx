import type { ConfigProblem } from '@/config/app-config';

/**
 * Start-up stopped because the configuration is wrong: every problem at once, each with its fix,
 * so one edit-and-reload cycle is enough.
 */
export function ConfigErrorPage({ problems, source }: { problems: ConfigProblem[]; source: string }) {
  return (
    <main className="config-error" id="main">
      <div className="config-error__panel">
        <p className="auth-card__brand" aria-hidden="true">
          <span className="brand-mark" /> Poolkeeper
        </p>
        <h1>The dashboard's configuration needs fixing</h1>
        <p>
          Poolkeeper read its settings from {source} and found {problems.length === 1 ? 'one problem' : `${problems.length} problems`}. Nothing was sent to AWS.
        </p>
        <ol className="config-error__list" aria-label="Configuration problems">
          {problems.map((problem, index) => (
            <li key={`${problem.field}-${index}`} className="config-error__item">
              <p className="config-error__what">
                <code>{problem.field}</code> {problem.message}
              </p>
              <p className="config-error__fix">
                <span className="config-error__fix-label">How to fix: </span>
                {problem.fix}
              </p>
            </li>
          ))}
        </ol>
        <p className="config-error__footer">
          Edit <code>config.json</code> next to the dashboard (start from <code>config.example.json</code>), or remove it to run on the built-in emulator; then reload this page.
        </p>
      </div>
    </main>
  );
}
