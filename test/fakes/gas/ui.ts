// Menus, sidebars, dialogs and alerts.
export class FakeMenu {
  items: Array<{ caption: string; fn: string } | 'separator' | { sub: FakeMenu }> = [];
  constructor(
    private readonly ui: FakeUi,
    readonly title: string,
  ) {}
  addItem(caption: string, fn: string) {
    this.items.push({ caption, fn });
    return this;
  }
  addSeparator() {
    this.items.push('separator');
    return this;
  }
  addSubMenu(m: FakeMenu) {
    this.items.push({ sub: m });
    return this;
  }
  addToUi() {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput {
  title = '';
  constructor(public content: string) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  getContent() {
    return this.content;
  }
  append(s: string) {
    this.content += s;
    return this;
  }
  setWidth(_w: number) {
    return this;
  }
  setSandboxMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
}

export class FakeUi {
  menus: FakeMenu[] = [];
  sidebars: FakeHtmlOutput[] = [];
  dialogs: FakeHtmlOutput[] = [];
  alerts: string[] = [];
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  alertAnswer = 'YES';
  createAddonMenu() {
    return new FakeMenu(this, 'Trợ lý DVC (add-on)');
  }
  createMenu(title: string) {
    return new FakeMenu(this, title);
  }
  showSidebar(h: FakeHtmlOutput) {
    this.sidebars.push(h);
  }
  showModalDialog(h: FakeHtmlOutput, title: string) {
    h.title = title;
    this.dialogs.push(h);
  }
  alert(...args: unknown[]) {
    this.alerts.push(args.filter((a) => typeof a === 'string').join(' | '));
    return this.alertAnswer;
  }
  /** Captions of the add-on menu, in order. */
  captions(): string[] {
    return (this.menus.at(-1)?.items ?? []).flatMap((i) => (typeof i === 'object' && 'caption' in i ? [i.caption] : []));
  }
}

