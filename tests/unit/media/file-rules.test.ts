import { acceptedExtensions, checkFile, FILE_LIMITS } from '../../../plugin/media/file-rules';

/** Which uploads the plugin keeps: the type from the content and the extension, the size per use. */

const bytes = (...values: number[]) => new Uint8Array(values);
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n'));
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14);
const TEXT = new Uint8Array(Buffer.from('name,amount\r\nAcme,\t100\n'));

describe('checkFile', () => {
  it.each([
    ['a PDF agreement', 'agreement', 'Terms.PDF', PDF, 'application/pdf'],
    ['a Word agreement', 'agreement', 'nda.docx', ZIP, expect.stringContaining('wordprocessing')],
    ['a PNG banner', 'asset', 'banner.png', PNG, 'image/png'],
    ['a CSV attachment', 'deal-attachment', 'forecast.csv', TEXT, 'text/csv'],
    [
      'a spreadsheet attachment',
      'deal-attachment',
      'plan.xlsx',
      ZIP,
      expect.stringContaining('sheet'),
    ],
  ] as const)('keeps %s', (_label, use, name, head, mime) => {
    expect(checkFile(use, { name, size: head.length, head })).toEqual({ ok: true, mime });
  });

  it.each([
    ['an executable', 'agreement', 'setup.exe', bytes(0x4d, 0x5a), 'only .pdf'],
    ['a PNG named .pdf', 'agreement', 'terms.pdf', PNG, 'not a .pdf file'],
    ['binary named .txt', 'deal-attachment', 'notes.txt', bytes(0x41, 0, 0x42), 'not a .txt file'],
    ['an SVG (scripts)', 'asset', 'logo.svg', TEXT, 'only'],
    ['HTML', 'deal-attachment', 'page.html', TEXT, 'only'],
    ['no extension', 'asset', 'README', TEXT, 'only'],
    ['a spreadsheet as an agreement', 'agreement', 'plan.xlsx', ZIP, 'only'],
  ] as const)('refuses %s', (_label, use, name, head, reason) => {
    const verdict = checkFile(use, { name, size: head.length, head });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(reason);
  });

  it('refuses empty files and files one byte over the limit of their use', () => {
    expect(checkFile('asset', { name: 'a.pdf', size: 0, head: PDF }).ok).toBe(false);
    const limit = FILE_LIMITS['deal-attachment'].maxBytes;
    expect(checkFile('deal-attachment', { name: 'a.pdf', size: limit, head: PDF }).ok).toBe(true);
    const over = checkFile('deal-attachment', { name: 'a.pdf', size: limit + 1, head: PDF });
    expect(over).toEqual({ ok: false, reason: 'a.pdf: larger than 10 MB' });
  });

  it('lists the extensions of a use for file pickers', () => {
    expect(acceptedExtensions('agreement')).toEqual([
      '.pdf',
      '.docx',
      '.txt',
      '.png',
      '.jpg',
      '.jpeg',
    ]);
  });
});
