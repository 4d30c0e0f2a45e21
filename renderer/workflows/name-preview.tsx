/**
 * The names a rename template gives the devices on the bench right now, asked of main (previewNames) a
 * moment after typing stops, or the reason main refuses the template.
 */
import { useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { Ecid, ErrorInfo } from '../../preload/domain';
import { useBench } from '../state/bench-store';

type Preview = { readonly names: readonly { ecid: Ecid; name: string }[] } | { readonly error: ErrorInfo };

export function NamePreview({ api, template, id }: { api: BenchApi; template: string; id: string }) {
  const devices = useBench((s) => s.devices);
  const [preview, setPreview] = useState<Preview>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api.previewNames({ template }).then((r) => {
        if (current) setPreview(r.ok ? { names: r.value } : { error: r.error });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, template, devices.length]);
  if (!preview) return null;
  if ('error' in preview) {
    return (
      <p className="field-error" id={id} role="alert">
        {preview.error.title}. {preview.error.detail}
      </p>
    );
  }
  if (preview.names.length === 0) {
    return (
      <p className="name-preview-none" id={id}>
        Plug in a device to see the names this gives.
      </p>
    );
  }
  return (
    <ul className="name-preview" id={id} aria-label="Names on the bench now">
      {preview.names.slice(0, 6).map(({ ecid, name }) => (
        <li key={ecid}>
          <span>{devices.find((d) => d.ecid === ecid)?.portLabel ?? ecid}</span> → <strong>{name}</strong>
        </li>
      ))}
      {preview.names.length > 6 && <li>…and {preview.names.length - 6} more</li>}
    </ul>
  );
}
