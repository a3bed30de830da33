/** The top line of a printed slip: the extension's icon and what the slip is. */
export function SlipHeader({ title }: { title: string }) {
  return (
    <header>
      <img src="/icon/32.png" alt="" width={32} height={32} />
      <p>{title}</p>
    </header>
  );
}
