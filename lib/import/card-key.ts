/** How an import recognises a card it already has: its front and back, spacing and case aside. */
export function cardKey(front: string, back: string): string {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${norm(front)}\u001f${norm(back)}`;
}
