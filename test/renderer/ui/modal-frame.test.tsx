/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModalFrame } from '../../../renderer/ui/modal-frame';

afterEach(cleanup);

let page: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '';
  page = document.createElement('div');
  page.id = 'root';
  document.body.append(page);
});

function Dialog({ onClose, children }: { onClose: () => void; children?: React.ReactNode }) {
  return (
    <ModalFrame label={{ labelledBy: 't' }} onClose={onClose} backdropClass="bd" dialogClass="dlg">
      <h2 id="t" tabIndex={-1}>
        Title
      </h2>
      <button type="button">First</button>
      {children}
      <button type="button">Last</button>
    </ModalFrame>
  );
}

function Page({ nested = false }: { nested?: boolean }) {
  const [open, setOpen] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setOpen(1)}>
        Open
      </button>
      {open > 0 && (
        <Dialog onClose={() => setOpen(0)}>
          {nested && (
            <button type="button" onClick={() => setOpen(2)}>
              Deeper
            </button>
          )}
        </Dialog>
      )}
      {open > 1 && <Dialog onClose={() => setOpen(1)} />}
    </>
  );
}

describe('ModalFrame', () => {
  it('holds the page inert while open, outside the page, and gives focus back to its opener on close', () => {
    render(<Page />, { container: page });
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(page.hasAttribute('inert')).toBe(true);
    expect(page.contains(dialog)).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Title' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(page.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: past the last goes to the first, Shift+Tab from the heading to the last', () => {
    render(<Dialog onClose={() => {}} />, { container: page });
    const first = screen.getByRole('button', { name: 'First' });
    const last = screen.getByRole('button', { name: 'Last' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
  });

  it('a nested dialog releases the page only when the last one closes', () => {
    render(<Page nested />, { container: page });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deeper' }));
    expect(screen.getAllByRole('dialog')).toHaveLength(2);
    fireEvent.mouseDown(document.querySelectorAll('.bd')[1] as Element);
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(page.hasAttribute('inert')).toBe(true);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryAllByRole('dialog')).toHaveLength(0);
    expect(page.hasAttribute('inert')).toBe(false);
  });

  it('a press on the backdrop closes it; a press inside does not', () => {
    const onClose = vi.fn();
    render(<Dialog onClose={onClose} />, { container: page });
    fireEvent.mouseDown(screen.getByRole('button', { name: 'First' }));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.mouseDown(document.querySelector('.bd') as Element);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
