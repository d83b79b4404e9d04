#!/usr/bin/env node
// Builds the package into dist/: one ESM .js and one .d.ts per source module, as tsc emits them.
//
// The sources import each other without extensions ('./state', '../seed'), which bundlers and
// vitest accept but Node's ESM loader and TypeScript's node16/nodenext resolution do not. TS's
// rewriteRelativeImportExtensions only rewrites specifiers written with '.ts', so it would mean
// editing every import in the emulator; a bundler would fix the JavaScript but leave the .d.ts
// files extensionless. So we emit with tsc's API and rewrite each relative specifier, in the
// JavaScript and in the declarations alike, to the file it resolves to ('./state.js',
// '../seed/index.js'). A specifier that resolves to nothing fails the build, naming the file.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const configPath = path.join(root, 'tsconfig.build.json');
const problems = [];

const read = ts.readConfigFile(configPath, ts.sys.readFile);
if (read.error) fail([read.error]);
const config = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
if (config.errors.length) fail(config.errors);

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length) fail(diagnostics);

const emitted = program.emit(undefined, undefined, undefined, false, { before: [withJsSpecifiers], afterDeclarations: [withJsSpecifiers] });
if (emitted.diagnostics.length) fail(emitted.diagnostics);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.info(`cognito-emulator: built ${config.fileNames.length} modules into ${path.relative(process.cwd(), path.join(root, 'dist')) || 'dist'}/`);

/** './x' → './x.js' or './x/index.js', whichever source file it names. */
function jsSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  if (/\.(m?js|json)$/.test(specifier)) return specifier;
  const target = path.resolve(path.dirname(fromFile), specifier);
  if (existsSync(`${target}.ts`)) return `${specifier}.js`;
  if (existsSync(path.join(target, 'index.ts'))) return `${specifier}/index.js`;
  problems.push(`${path.relative(root, fromFile)}: cannot resolve import '${specifier}' to a .ts file`);
  return specifier;
}

function withJsSpecifiers(context) {
  const f = context.factory;
  return (sourceFile) => {
    const fileName = sourceFile.fileName;
    const literal = (node) => f.createStringLiteral(jsSpecifier(fileName, node.text));
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const argument = f.updateLiteralTypeNode(node.argument, literal(node.argument.literal));
        return f.updateImportTypeNode(node, argument, node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        return f.updateCallExpression(node, node.expression, node.typeArguments, [literal(node.arguments[0]), ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}

function fail(list) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(list, host));
  process.exit(1);
}
