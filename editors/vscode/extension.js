// The coex extension: the language (highlighting, comments, brackets) is
// declared in package.json; this file starts the language server, `coex lsp`,
// over stdio and restarts it when `coex.path` changes.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** @type {vscode.FileSystemWatcher | undefined} */
let ruleFiles;

/**
 * How to start the server. No `transport` on purpose: with one, the client
 * would append `--stdio` to the arguments, which `coex lsp` does not take.
 *
 * @param {string} coexPath the `coex.path` setting
 */
function serverOptions(coexPath) {
  return { command: coexPath || 'coex', args: ['lsp'] };
}

function clientOptions() {
  return {
    documentSelector: [
      { scheme: 'file', language: 'coex' },
      { scheme: 'untitled', language: 'coex' },
    ],
    synchronize: {
      // The rule set is every `.coex` file of a directory: the server hears
      // when one is created, changed or deleted outside the editor.
      fileEvents: ruleFiles,
    },
  };
}

async function startClient() {
  const coexPath = vscode.workspace.getConfiguration('coex').get('path', 'coex');
  client = new LanguageClient('coex', 'coex language server', serverOptions(coexPath), clientOptions());
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    vscode.window.showErrorMessage(
      `could not start \`${coexPath} lsp\`: ${message} (set \`coex.path\` to the coex executable)`,
    );
  }
}

async function stopClient() {
  if (client === undefined) return;
  const stopping = client;
  client = undefined;
  // A client that never started cannot be stopped; nothing is left to do then.
  await stopping.stop().catch(() => undefined);
}

async function restartClient() {
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  ruleFiles = vscode.workspace.createFileSystemWatcher('**/*.coex');
  context.subscriptions.push(
    ruleFiles,
    vscode.commands.registerCommand('coex.restartServer', restartClient),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('coex.path')) restartClient();
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, serverOptions };
