/**
 * Saves the files an export returned through the browser's download (Electron shows its save panel for it):
 * one object URL per file, revoked once the click has been handed over.
 */
export interface DownloadableFile {
  readonly fileName: string;
  readonly text: string;
}

export function downloadFiles(files: readonly DownloadableFile[], doc: Document = document): void {
  for (const file of files) {
    const type = file.fileName.endsWith('.json') ? 'application/json' : 'text/csv;charset=utf-8';
    const url = URL.createObjectURL(new Blob([file.text], { type }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
