/**
 * A path or message as one line of the terminal: control characters (a newline or carriage
 * return in a file name, an escape sequence) written as escapes, `\n`, `\r`, `\u001b`. Every
 * message of declass is one line; a file named `bad<newline>name.txt` split its message in two,
 * and a terminal would act on an escape sequence in a name.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
