/** My cell (`/cell`) for the user's own cell, else the cell's page for staff and leaders. */
export function cellPath(cellId: string, own: boolean): string {
  return own ? "/cell" : `/cells/${encodeURIComponent(cellId)}`;
}

export function newMeetingPath(cellId: string, own: boolean): string {
  return own ? "/cell/meetings/new" : `/cells/${encodeURIComponent(cellId)}/meetings/new`;
}
