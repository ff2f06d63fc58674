/** The side column's place while its panels load: the same grid, empty panels of their usual size. */
export function SidePlaceholder() {
  return (
    <div className="side-column side-waiting" aria-busy="true">
      <div className="panel" />
      <div className="panel" />
      <div className="panel side-wait-student" />
      <div className="panel side-wait-meters" />
    </div>
  );
}
