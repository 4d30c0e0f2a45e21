/** Covers the whole window while a file is dragged over it, so the operator knows anywhere is a drop target. */
import { ProfileIcon } from './profile-icon';

export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <p className="drop-overlay-text">
        <ProfileIcon name="info" />
        Drop the Intune profile (.mobileconfig) or supervision identity (.p12)
      </p>
    </div>
  );
}
