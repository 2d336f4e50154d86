import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';

export interface JsonEditorOptions {
  doc: string;
  readOnly: boolean;
  label: string;
  onChange: (text: string) => void;
}

/** Mounts CodeMirror 6 with JSON highlighting into `parent`; answers how to remove it. */
export function createJsonEditor(parent: HTMLElement, options: JsonEditorOptions): () => void {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        basicSetup,
        json(),
        EditorState.readOnly.of(options.readOnly),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return () => view.destroy();
}
