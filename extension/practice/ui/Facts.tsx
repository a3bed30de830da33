/** What to type where in a scenario (all made up). */
import type { Scenario } from '../scenario-schema';

export function Facts({ scenario }: { scenario: Scenario }) {
  return (
    <dl class="facts">
      {scenario.facts.map((f) => [
        <dt key={`${f.label}-t`}>{f.label}</dt>,
        <dd key={`${f.label}-d`}>{f.value}</dd>,
      ])}
    </dl>
  );
}
