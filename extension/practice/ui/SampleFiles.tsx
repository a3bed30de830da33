/** The scenario's sample documents to download and upload (made in the browser, files.ts). */
import { useEffect, useState } from 'preact/hooks';
import { sampleBlob, sizeText } from '../files';
import type { SampleFile } from '../scenario-schema';

export function SampleFiles({ files }: { files: readonly SampleFile[] }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let made: string[] = [];
    void Promise.all(files.map(async (f) => [f.name, URL.createObjectURL(await sampleBlob(document, f))] as const)).then((pairs) => {
      made = pairs.map(([, u]) => u);
      setUrls(Object.fromEntries(pairs));
    });
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [files]);
  if (!files.length) return null;
  return (
    <ul class="files">
      {files.map((f) => (
        <li key={f.name}>
          {urls[f.name] ? (
            <a href={urls[f.name]} download={f.name} data-sample={f.name}>
              {f.name}
            </a>
          ) : (
            f.name
          )}{' '}
          — {f.label} ({sizeText(f.bytes)})
        </li>
      ))}
    </ul>
  );
}
