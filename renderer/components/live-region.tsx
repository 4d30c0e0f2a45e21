/** Announces attach and detach to screen readers without stealing focus. Visually hidden. */
export function LiveRegion({ message }: { readonly message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
