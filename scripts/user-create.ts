// `npm run user:create -- --email a@b.org --role admin [--name "Ada Lovelace"]`: creates an account, the first
// admin included. The password comes from CLAIMDESK_PASSWORD or a prompt that does not echo it, never from an
// argument (arguments end up in shell history and in `ps`).
import readline from "node:readline";
import { parseArgs } from "node:util";
import { startDatabase, type Database } from "@/lib/embedded/launcher";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import { repoMigrationsDir } from "@/lib/migrations/migration-files";
import { applyMigrations } from "@/lib/migrations/runner";
import { createPrismaClient } from "@/lib/prisma-client";
import { createUserSchema, roleSchema } from "@/lib/validations/users";

const USAGE =
  "usage: npm run user:create -- --email <address> --role viewer|analyst|reviewer|admin [--name <name>]";

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CLAIMDESK_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error("No terminal to ask for the password: set CLAIMDESK_PASSWORD instead.");
  }
  const first = await prompt("Password (at least 12 characters): ");
  const second = await prompt("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

/** Reads a line without echoing it: the terminal shows nothing while the password is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text) => {
      if (!asked) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    asked = true;
  });
}

async function main(): Promise<number> {
  let values: { email?: string; role?: string; name?: string };
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const role = roleSchema.safeParse(values.role?.toUpperCase());
  if (!values.email || !role.success) {
    console.error(USAGE);
    return 2;
  }
  let password: string;
  try {
    password = await readPassword();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  // The admin form's own rules, checked before the database is started.
  const account = createUserSchema.safeParse({
    email: values.email,
    name: values.name ?? values.email.split("@")[0],
    password,
    role: role.data,
  });
  if (!account.success) {
    console.error(account.error.issues.map((issue) => issue.message).join("\n"));
    return 1;
  }
  let database: Database;
  try {
    database = await startDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const prisma = createPrismaClient(database.url);
  try {
    await applyMigrations({ connectionString: database.url, migrationsDir: repoMigrationsDir });
    const user = await createUser(prisma, COMMAND_LINE, account.data);
    console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id}).`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

process.exit(await main());
