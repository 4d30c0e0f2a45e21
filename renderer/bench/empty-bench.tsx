export function EmptyBench({ simulated }: { readonly simulated: boolean }) {
  return (
    <div className="empty-bench">
      <h2>Plug in an iPhone or iPad…</h2>
      <p>
        {simulated
          ? 'Use the simulator buttons above to plug in a simulated device.'
          : 'Use a data-capable USB cable. On a cart, switch the hub power on first. Devices appear here within a few seconds.'}
      </p>
    </div>
  );
}
