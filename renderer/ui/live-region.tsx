/** Announces attach and detach to screen readers without stealing focus. Visually hidden. */
export function LiveRegion({ message }: { readonly message: string }) {
  return (
    <div className="visually-hidden bench-live-region" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
