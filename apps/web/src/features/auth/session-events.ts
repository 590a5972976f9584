/**
 * The Apollo link chain learns that the session has ended (an operation failed with
 * UNAUTHENTICATED: it expired, the account was disabled, or the password was changed
 * elsewhere); the ViewerProvider, inside the router, acts on it. The link is created before
 * React renders, so they meet here.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportSessionEnded(): void {
  for (const listener of [...listeners]) listener();
}
