// Starts the mlopt language server (`mlopt lsp`, the Language Server Protocol over stdin/stdout)
// for .mlopt files. The command comes from the settings mlopt.serverCommand and mlopt.serverArgs;
// changing either restarts the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const settings = vscode.workspace.getConfiguration('mlopt');
  const command = settings.get('serverCommand', 'mlopt');
  const args = settings.get('serverArgs', ['lsp']);
  return { command, args, transport: TransportKind.stdio };
}

async function start() {
  client = new LanguageClient('mlopt', 'mlopt language server', serverOptions(), {
    documentSelector: [
      { scheme: 'file', language: 'mlopt' },
      { scheme: 'untitled', language: 'mlopt' },
    ],
  });
  try {
    await client.start();
  } catch (err) {
    const command = vscode.workspace.getConfiguration('mlopt').get('serverCommand', 'mlopt');
    vscode.window.showErrorMessage(
      `mlopt: could not start the language server with '${command}': ${err.message}. ` +
        'Set mlopt.serverCommand to the mlopt launcher.');
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    try {
      await running.stop();
    } catch (err) {
      // The server may already have exited; nothing to clean up.
    }
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('mlopt.serverCommand') || event.affectsConfiguration('mlopt.serverArgs')) {
        await stop();
        await start();
      }
    }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
