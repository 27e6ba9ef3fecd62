const HELP = `winback — win-back operations for customer-success teams, in Slack.

Usage: npx winback <command> [options]

Commands:
  start     run the Slack app, webhooks and jobs (needs the Slack settings; see README)
  digest    --preview: print today's digest and write its Block Kit JSON to a file
  demo      the main job on the embedded database with the public Telco data set
  import    import accounts or payments from a CSV file (npx winback import --help)
  score     rescore every account now: CLV, RFM segments, Pareto priority
  segments  list saved segments, save or remove one (npx winback segments --help)
  migrate   apply pending database migrations and exit
  help      show this message

With no DATABASE_URL, winback runs an embedded PostgreSQL in .winback/ (WINBACK_DATA_DIR moves it).`;

export async function runHelp(): Promise<void> {
  console.log(HELP);
}
