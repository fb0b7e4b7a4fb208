// A page's one-field search (GET `q`, works without JavaScript): the answered-feedback search, the FAQ search.
export function TextSearchForm({ action, label, button, query }: { action: string; label: string; button: string; query: string }) {
  return (
    <form method="get" action={action} role="search" className="card flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="q" className="block font-medium">
          {label}
        </label>
        <input id="q" name="q" type="search" defaultValue={query} maxLength={120} className="input w-full" />
      </div>
      <button type="submit" className="btn btn-primary">
        {button}
      </button>
    </form>
  );
}
