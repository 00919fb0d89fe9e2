/**
 * Types flow one way: a type is declared beside the main code that produces it, and
 * src-preload/contract.ts only names channels and events and imports what they carry. So
 * only src-main/ipc/ (which implements the contract) may import from src-preload/; nothing
 * else of main may, not even `import type`, and the contract is never reachable from itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const MAIN = join(ROOT, 'src-main')
const IPC = join(MAIN, 'ipc')
const PRELOAD = join(ROOT, 'src-preload')
const CONTRACT = join(PRELOAD, 'contract.ts')

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + sep)
const rel = (file: string) => relative(ROOT, file).split(sep).join('/')

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? tsFiles(p) : /\.ts$/.test(n) && !/\.d\.ts$/.test(n) ? [p] : []
  })
}

/**
 * Every module a file names: import (also `import type`), `export … from`, `import x = require()`,
 * `import('…')` as a call or as a type, and `require('…')`.
 */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      found.push(node.argument.literal.text)
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const arg = node.arguments[0]
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The file a relative specifier names (extension or /index added as the bundler would), else undefined. */
function resolveRelative(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(from), spec)
  const candidates = [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base
}

describe('import direction', () => {
  it('no file of src-main outside src-main/ipc imports from src-preload', () => {
    const offenders: string[] = []
    for (const file of tsFiles(MAIN)) {
      if (inside(file, IPC)) continue
      for (const spec of specifiers(file)) {
        const target = resolveRelative(file, spec)
        if (target !== undefined ? inside(target, PRELOAD) : /(^|\/)src-preload(\/|$)/.test(spec)) offenders.push(`${rel(file)} -> ${spec}`)
      }
    }
    expect(offenders, `${offenders.length} import(s) of src-preload/ from main outside src-main/ipc/`).toEqual([])
  })

  it('src-preload/contract.ts is not part of an import cycle', () => {
    // Walks every relative import (type-only included) from the contract; reaching it again is a cycle.
    const parent = new Map<string, string>()
    const seen = new Set<string>([CONTRACT])
    const queue = [CONTRACT]
    let back: string | undefined
    while (queue.length && back === undefined) {
      const file = queue.shift()!
      for (const spec of specifiers(file)) {
        const target = resolveRelative(file, spec)
        if (target === undefined || !existsSync(target) || !/\.ts$/.test(target)) continue
        if (target === CONTRACT) {
          back = file
          break
        }
        if (seen.has(target)) continue
        seen.add(target)
        parent.set(target, file)
        queue.push(target)
      }
    }
    const cycle: string[] = []
    for (let f = back; f !== undefined; f = parent.get(f)) cycle.unshift(rel(f))
    expect(cycle.length ? [...cycle, rel(CONTRACT)] : [], 'an import cycle through the contract').toEqual([])
  })
})
