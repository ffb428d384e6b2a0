/** A JSON value kept in sessionStorage under `key`: this tab only, gone when the tab closes. */
export function tabStorageItem<T>(key: string) {
  return {
    read(): T | undefined {
      const stored = sessionStorage.getItem(key);
      return stored ? (JSON.parse(stored) as T) : undefined;
    },
    save: (value: T) => sessionStorage.setItem(key, JSON.stringify(value)),
    remove: () => sessionStorage.removeItem(key),
  };
}
