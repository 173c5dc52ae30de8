package parse
import ("testing";"fmt";"os";"bufio")
func TestFtDbg(t *testing.T){
	f,_:=os.Open("/tmp/ft_in.txt"); sc:=bufio.NewScanner(f)
	for sc.Scan(){ r:=ParseReference(sc.Text()); fmt.Printf("%s\n  A=%#v Y=%d\n  T=%q\n  V=%q vol=%q pp=%q doi=%q ids=%v\n", r.Raw, r.Authors, r.Year, r.Title, r.Venue, r.Volume, r.Pages, r.DOI, r.IDs)}
}
