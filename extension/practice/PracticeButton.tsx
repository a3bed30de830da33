/** The popup's way into practice mode: opens the practice pages in a new tab. */
export function PracticeButton() {
  return (
    <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') })}>
      Chế độ tập luyện
    </button>
  );
}
