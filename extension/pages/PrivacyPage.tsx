/** The privacy policy, rendered from docs/store/privacy-policy.md (the same text the stores link to). */
import policy from '../../docs/store/privacy-policy.md?raw';
import { Markdown } from './Markdown';

export function PrivacyPage() {
  return (
    <main lang="vi" class="tldvc-doc">
      <Markdown source={policy} />
    </main>
  );
}
