/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdentitySummary } from '../../../preload/domain';
import { IdentityCard } from '../../../renderer/setup/identity-card';

afterEach(cleanup);

const NOW = Date.parse('2026-03-01T09:00:00Z');
const identity: IdentitySummary = {
  organizationName: 'Contoso Schools',
  subject: 'CN=Contoso Schools, O=Contoso Schools',
  notBefore: NOW - 86_400_000,
  notAfter: Date.parse('2036-03-01T09:00:00Z'),
  fingerprintSha256: 'AB:CD:EF',
  source: 'created',
};

describe('IdentityCard', () => {
  it('shows subject, expiry and fingerprint of the current identity', () => {
    render(<IdentityCard identity={identity} now={NOW} onImport={() => {}} onCreate={() => {}} />);
    expect(screen.getByRole('region', { name: 'Supervision identity' })).toBeTruthy();
    expect(screen.getByText('CN=Contoso Schools, O=Contoso Schools')).toBeTruthy();
    expect(screen.getByText('2036-03-01')).toBeTruthy();
    expect(screen.getByText('AB:CD:EF')).toBeTruthy();
    expect(screen.getByText('Ready:')).toBeTruthy();
  });

  it('keeps the replace forms folded away while a valid identity exists, and open when there is none', () => {
    const { rerender } = render(
      <IdentityCard identity={identity} now={NOW} onImport={() => {}} onCreate={() => {}} />,
    );
    const folded = screen.getByText('Replace the supervision identity…').closest('details');
    expect(folded?.open).toBe(false);
    expect(folded?.querySelector('input[type="file"]')).not.toBeNull();
    rerender(<IdentityCard identity={null} now={NOW} onImport={() => {}} onCreate={() => {}} />);
    expect(screen.queryByText('Replace the supervision identity…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create identity' }).closest('details')).toBeNull();
  });

  it('says Expired in words when the certificate has run out', () => {
    render(
      <IdentityCard
        identity={identity}
        now={Date.parse('2037-01-01')}
        onImport={() => {}}
        onCreate={() => {}}
      />,
    );
    expect(screen.getByText('Expired:')).toBeTruthy();
    expect(screen.getByText(/\(expired\)/)).toBeTruthy();
  });

  it('hands the .p12 and its password over once and clears the password field', () => {
    const onImport = vi.fn();
    render(
      <IdentityCard
        identity={null}
        now={NOW}
        onImport={onImport}
        onCreate={() => {}}
        error="The password is wrong"
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('The password is wrong');
    const file = new File([new Uint8Array([0x30])], 'Contoso.p12');
    fireEvent.change(screen.getByLabelText('Identity file'), { target: { files: [file] } });
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    expect(password.type).toBe('password');
    fireEvent.change(password, { target: { value: 'P12-Pa55word-xyz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import identity' }));
    expect(onImport).toHaveBeenCalledWith(file, 'P12-Pa55word-xyz');
    expect(password.value).toBe('');
  });

  it('creates a new identity from a trimmed organization name', () => {
    const onCreate = vi.fn();
    render(<IdentityCard identity={null} now={NOW} onImport={() => {}} onCreate={onCreate} />);
    expect((screen.getByRole('button', { name: 'Create identity' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.change(screen.getByLabelText('Organization name'), { target: { value: '  Fabrikam  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create identity' }));
    expect(onCreate).toHaveBeenCalledWith('Fabrikam');
  });
});
