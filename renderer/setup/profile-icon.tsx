/** Inline SVG icons for the profile and identity cards: always paired with words, never colour alone. */
export type ProfileIconName = 'ok' | 'warning' | 'stop' | 'info';

const paths: Readonly<Record<ProfileIconName, string>> = {
  ok: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3',
  stop: 'M8 3.5h8l4.5 4.5v8L16 20.5H8L3.5 16V8zM8.5 8.5l7 7M15.5 8.5l-7 7',
  info: 'M12 11v6M12 7.3v.3',
};

export function ProfileIcon({ name }: { readonly name: ProfileIconName }) {
  return (
    <svg
      className={`profile-icon profile-icon-${name}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {name === 'info' && <circle cx="12" cy="12" r="9.5" />}
      <path d={paths[name]} />
    </svg>
  );
}
